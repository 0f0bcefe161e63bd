import { describe, expect, it } from 'vitest';
import { nameWords, shortNameQuery } from './nameWords';

describe('nameWords', () => {
  it('makes each Chinese character a word and leaves Latin words whole', () => {
    expect(nameWords('王芳芳')).toBe('王 芳 芳');
    expect(nameWords('Emily Johnson')).toBe('Emily Johnson');
    expect(nameWords('Li 王芳')).toBe('Li 王 芳');
  });
});

describe('shortNameQuery', () => {
  it('asks for adjacent characters for Chinese and a word prefix for Latin', () => {
    expect(shortNameQuery('王芳')).toBe('"王 芳"');
    expect(shortNameQuery('芳')).toBe('"芳"');
    expect(shortNameQuery('Jo')).toBe('"jo"*');
  });

  it('drops FTS syntax a user might type, so it cannot break the query', () => {
    expect(shortNameQuery('"*')).toBeNull();
    expect(shortNameQuery('a"')).toBe('"a"*');
  });
});
