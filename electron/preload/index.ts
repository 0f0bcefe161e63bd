import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './bridge';

// The whole preload: the page sees `window.huifang` = { invoke, subscribe } and no Node or Electron object.
contextBridge.exposeInMainWorld('huifang', createPreloadBridge(ipcRenderer));
