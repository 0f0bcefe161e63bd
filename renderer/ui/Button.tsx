import { type ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './Icon';
import styles from './ui.module.css';

type Variant = 'primary' | 'secondary' | 'ghost';

export function Button({ variant = 'secondary', icon, children, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; icon?: IconName }) {
  return (
    <button type="button" className={`${styles.button} ${styles[variant]} ${className ?? ''}`} {...rest}>
      {icon && <Icon name={icon} size={14} />}
      {children}
    </button>
  );
}
