import { escapeHtml, type StaticPage, staticPage } from './page';

/**
 * `GET /pair`: the one page an unpaired device may open. With the QR code's address
 * (`/pair#t=<token>&spki=…`) it redeems the token at once (the fragment never reaches the server
 * but through this script); otherwise the person types the short code. A browser is then paired
 * (the device cookie) and goes to the app: a phone (a mobile or touch-only browser) to the counting
 * page `/m/`, any other browser to `/`.
 */
const SCRIPT = `(function(){
var T={
"network.errors.pairingInvalid":"配对码无效或已使用，请向管理员重新获取。 The pairing code is not valid or was already used: ask the administrator for a new one.",
"network.errors.pairingExpired":"配对码已过期（有效 5 分钟），请向管理员重新获取。 The pairing code has expired (it is valid for 5 minutes): ask the administrator for a new one.",
"network.errors.tooManyAttempts":"尝试次数过多，请 1 分钟后再试。 Too many attempts: try again in a minute.",
working:"正在配对… Pairing…",
desktop:"此配对码用于另一台电脑上的客户管理程序，请在该程序中输入。 This pairing is for the app on another PC: enter it there.",
offline:"无法连接服务器，请检查网络后重试。 The server cannot be reached: check the network and try again.",
failed:"配对失败，请向管理员重新获取配对码。 Pairing failed: ask the administrator for a new code."};
function phone(){try{return /Mobi|Android|iPhone|iPad|iPod/.test(navigator.userAgent)||(navigator.maxTouchPoints>1&&matchMedia("(pointer:coarse)").matches);}catch(e){return false;}}
var msg=document.getElementById("msg"),form=document.getElementById("f"),input=document.getElementById("code");
function say(k,err){msg.textContent=T[k]||T.failed;msg.className=err?"error":"";}
function send(proof){say("working",false);
fetch("/pair/redeem",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(proof),credentials:"same-origin"})
.then(function(r){return r.json();})
.then(function(a){if(!a.ok){say(a.error.messageKey,true);return;}
if(a.data.kind==="browser"){location.replace(phone()?"/m/":"/");return;}say("desktop",true);})
.catch(function(){say("offline",true);});}
var m=/(?:^#|&)t=([^&]+)/.exec(location.hash);
if(m){history.replaceState(null,"","/pair");send({token:decodeURIComponent(m[1])});}
form.addEventListener("submit",function(e){e.preventDefault();if(input.value.trim())send({code:input.value});});
})();`;

const BODY = `<h1>配对此设备 <span class="en">Pair this device</span></h1>
<p>扫描管理员在「设置 → 办公室网络 → 添加设备」中显示的二维码，或在下面输入配对码。</p>
<p class="en">Scan the QR code the administrator shows under Settings → Office network → Add device, or type the pairing code below.</p>
<form id="f"><label for="code">配对码 <span class="en">Pairing code</span></label><br>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" placeholder="XXXX-XXXX">
<button type="submit">配对 <span>Pair</span></button></form>
<p id="msg" role="status" aria-live="polite"></p>`;

export const PAIR_PAGE: StaticPage = staticPage({ title: '配对此设备 Pair this device', body: BODY, script: SCRIPT });

/**
 * What any page of the app answers to a device that is not paired (or was revoked): nothing of
 * the app, only how to pair it.
 */
export function notPairedPage(trustUrl: string): StaticPage {
  const trust = escapeHtml(trustUrl);
  return staticPage({
    title: '此设备尚未配对 This device is not paired',
    body: `<h1>此设备尚未配对</h1>
<p>这台设备还不能使用客户管理。请向管理员索取配对码（设置 → 办公室网络 → 添加设备），然后<a href="/pair">输入配对码</a>或扫描二维码。</p>
<p>如果此设备曾经配对过，它可能已被管理员撤销。</p>
<p>其他手机或电脑要先信任本服务器的证书：打开 <a class="mono" href="${trust}">${trust}</a>。</p>
<hr>
<h1 class="en">This device is not paired</h1>
<p class="en">This device cannot use the app yet. Ask the administrator for a pairing code (Settings → Office network → Add device), then <a href="/pair">enter the code</a> or scan the QR code.</p>
<p class="en">If this device was paired before, the administrator may have revoked it.</p>
<p class="en">Other phones and PCs first trust this server's certificate: open <a class="mono" href="${trust}">${trust}</a>.</p>`,
  });
}
