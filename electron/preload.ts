import { contextBridge, ipcRenderer } from 'electron';
import { LAUNCH_CHANNELS as C, LAUNCHER_HASH, type LaunchBridge } from './core/network/shared/launch-bridge';

// The renderer's whole window onto the main process: one call and event subscription.
contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('api:invoke', { channel, input }),
  on: (name: string, callback: (payload: unknown) => void) => {
    const listener = (_e: unknown, eventName: string, payload: unknown) => {
      if (eventName === name) callback(payload);
    };
    ipcRenderer.on('api:event', listener);
    return () => {
      ipcRenderer.removeListener('api:event', listener);
    };
  },
});

// The launcher page's bridge (first-run choice, connecting to the office server, offline retries):
// a few calls, nothing else; the launcher is our own page opened at #launcher (main.ts). A client's
// server window has no preload at all.
const bridge: LaunchBridge = {
  state: () => ipcRenderer.invoke(C.state),
  chooseLocal: () => ipcRenderer.invoke(C.chooseLocal),
  connect: (text, address, confirmedCa) => ipcRenderer.invoke(C.connect, { text, address, confirmedCa }),
  retry: () => ipcRenderer.invoke(C.retry),
  moveServer: (address) => ipcRenderer.invoke(C.moveServer, { address }),
};
// only on the launcher's own page (the local bundle, file:, #launcher); never on a page from anywhere else
if (location.protocol === 'file:' && location.hash === LAUNCHER_HASH) contextBridge.exposeInMainWorld('launch', bridge);
