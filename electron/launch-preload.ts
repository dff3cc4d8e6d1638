import { contextBridge, ipcRenderer } from 'electron';
import { LAUNCH_CHANNELS as C, type LaunchBridge } from './core/network/shared/launch-bridge';

// The launcher page's bridge (first-run choice, connecting to the office server, offline retries):
// a few calls, nothing else. The app's own window has preload.ts instead; a client's server window none.
const bridge: LaunchBridge = {
  state: () => ipcRenderer.invoke(C.state),
  chooseLocal: () => ipcRenderer.invoke(C.chooseLocal),
  connect: (text, address, confirmedCa) => ipcRenderer.invoke(C.connect, { text, address, confirmedCa }),
  retry: () => ipcRenderer.invoke(C.retry),
  moveServer: (address) => ipcRenderer.invoke(C.moveServer, { address }),
};
// only on the launcher's own page (the local bundle, file:); never on a page from anywhere else
if (location.protocol === 'file:') contextBridge.exposeInMainWorld('launch', bridge);
