import { contextBridge, ipcRenderer } from 'electron';

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
