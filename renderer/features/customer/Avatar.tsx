import styles from './customer.module.css';

/** Calm, distinguishable avatar tints; the name picks one so a customer always gets the same colour. */
const TINTS = ['#3d6fd8', '#1f8a70', '#8a55d6', '#c0613a', '#2f8fb0', '#b44b7c', '#5a7d2a', '#a0712a'];

/** Chinese names show the family name (first character); Latin names show initials. */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (/^[\u3400-\u9fff]/.test(trimmed)) return trimmed.charAt(0);
  const words = trimmed.split(/\s+/).filter(Boolean);
  const first = words[0]?.charAt(0) ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.charAt(0) ?? '') : '';
  return (first + last).toUpperCase();
}

function tint(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return TINTS[hash % TINTS.length] ?? '#3d6fd8';
}

export function Avatar({ name, size = 40 }: { name: string; size?: number }) {
  return (
    <span className={styles.avatar} aria-hidden="true" style={{ width: size, height: size, fontSize: Math.round(size * 0.42), background: tint(name) }}>
      {initials(name)}
    </span>
  );
}
