import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { inspectStoreFile, openDatabase } from '../db';
import { DEMO_META, seedDemo, type SeedOptions, type SeedStats } from './seed';

export interface SeedFileOptions extends SeedOptions {
  /** Overwrite a file that is not a demo database (an agent's real store). */
  force?: boolean;
}

export class RefusedToOverwrite extends Error {
  constructor(file: string, why: string) {
    super(`${file} ${why}; pass --force to overwrite it`);
    this.name = 'RefusedToOverwrite';
  }
}

const sidecars = (file: string) => [file, `${file}-wal`, `${file}-shm`];

/**
 * Builds a demo database at `file`. The data is written to a temporary file first and moved into
 * place only when complete, so an interrupted seed never leaves a half-filled store behind, and a
 * store that is not demo data is never replaced without `force`.
 */
export function seedDemoFile(file: string, options: SeedFileOptions): SeedStats & { bytes: number } {
  const existing = inspectStoreFile(file);
  if (!options.force) {
    if (existing.kind === 'not_a_store') throw new RefusedToOverwrite(file, `exists and is not a Huifang store (${existing.detail})`);
    if (existing.kind === 'store' && existing.meta[DEMO_META.seed] === undefined) {
      throw new RefusedToOverwrite(file, 'holds data that was not made by the demo generator');
    }
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const building = `${file}.seeding`;
  sidecars(building).forEach((f) => rmSync(f, { force: true }));
  const db = openDatabase(building);
  let stats: SeedStats;
  try {
    stats = seedDemo(db, options);
  } catch (error) {
    db.close();
    sidecars(building).forEach((f) => rmSync(f, { force: true }));
    throw error;
  }
  db.close();
  sidecars(file).forEach((f) => rmSync(f, { force: true }));
  renameSync(building, file);
  return { ...stats, bytes: statSync(file).size };
}
