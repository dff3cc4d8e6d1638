import { launchBridge } from '../features/network/launch/launchBridge';
import { firstBoot } from './boot';

// Imported first by main.tsx: the core is asked who is signed in while the rest of the scripts
// are still being evaluated (~100 ms), so its answer is in when the first render starts. Not in
// the desktop app's launcher (first-run choice, a client PC's offline page): no core to ask there.
if (!launchBridge()) void firstBoot();
