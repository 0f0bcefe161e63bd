import { describe, expect, it } from 'vitest';
import { bridgeUrl, pickToken, tokenFromFragment } from './bridge-url';

describe('web-mode token and bridge URL', () => {
  it('reads the token from the fragment the host printed, among other fragment params', () => {
    expect(tokenFromFragment('#token=abc-_123')).toBe('abc-_123');
    expect(tokenFromFragment('#view=queue&token=abc')).toBe('abc');
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
  });

  it('prefers the fragment, then the meta tag, then the tab’s stored copy', () => {
    expect(pickToken({ hash: '#token=f', meta: 'm', stored: 's' })).toBe('f');
    expect(pickToken({ hash: '', meta: 'm', stored: 's' })).toBe('m');
    expect(pickToken({ hash: '', meta: '', stored: 's' })).toBe('s');
    expect(pickToken({ hash: '', meta: null, stored: null })).toBeNull();
  });

  it('points at /bridge on the page’s own host, wss beside https', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:5170' }, 'a+b/c')).toBe('ws://127.0.0.1:5170/bridge?token=a%2Bb%2Fc');
    expect(bridgeUrl({ protocol: 'https:', host: 'console.example:8443' }, 't')).toBe('wss://console.example:8443/bridge?token=t');
  });
});
