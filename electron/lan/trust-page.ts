import { escapeHtml, type StaticPage, staticPage } from './page';

/**
 * The trust page (`http://address:trustPort/`): how to make a phone or another PC trust this
 * server's certificate authority, in Chinese with English below, the fingerprint to compare, and
 * the way on to pairing.
 */
export function trustPage(opts: { fingerprint: string; pairUrl: string }): StaticPage {
  const fp = escapeHtml(opts.fingerprint);
  const pair = escapeHtml(opts.pairUrl);
  return staticPage({
    title: '信任办公室服务器的证书 Trust the office server',
    body: `<h1>信任办公室服务器的证书</h1>
<p>手机和其他电脑要先安装并信任本服务器的证书，才能安全地连接客户管理。安装前请核对指纹与管理员电脑「设置 → 办公室网络」中显示的一致：</p>
<p class="mono">${fp}</p>
<h2>安卓手机</h2>
<ol>
<li>点击下载 <a href="/ca.crt">证书 (.crt)</a>。</li>
<li>打开 设置 → 安全 → 加密与凭据 → 安装证书 → CA 证书（各品牌名称略有不同，可在设置中搜索“证书”）。</li>
<li>选择刚下载的文件，确认安装。</li>
</ol>
<h2>iPhone / iPad</h2>
<ol>
<li>用 Safari 点击下载 <a href="/ca.mobileconfig">描述文件 (.mobileconfig)</a>，选择“允许”。</li>
<li>打开 设置 → 已下载描述文件 → 安装，输入锁屏密码后再点“安装”。</li>
<li>打开 设置 → 通用 → 关于本机 → 证书信任设置，打开“客户管理 本地证书颁发机构”的完全信任。</li>
</ol>
<h2>Windows 电脑</h2>
<ol>
<li>下载 <a href="/ca.crt">证书 (.crt)</a>，双击打开。</li>
<li>点“安装证书”，存储位置选“本地计算机”。</li>
<li>选择“将所有的证书都放入下列存储”，浏览并选择“受信任的根证书颁发机构”，完成。</li>
</ol>
<h2>然后配对</h2>
<p>证书信任后，打开 <a class="mono" href="${pair}">${pair}</a>，扫描管理员显示的二维码或输入配对码。</p>
<hr>
<h1 class="en">Trust the office server's certificate</h1>
<p class="en">Phones and other PCs first install and trust this server's certificate authority to connect to the app securely. Before installing, check that this fingerprint is the one shown on the administrator's PC under Settings → Office network:</p>
<p class="en mono">${fp}</p>
<p class="en"><b>Android:</b> download the <a href="/ca.crt">certificate (.crt)</a>; open Settings → Security → Encryption &amp; credentials → Install a certificate → CA certificate; pick the downloaded file.</p>
<p class="en"><b>iPhone / iPad:</b> in Safari download the <a href="/ca.mobileconfig">profile (.mobileconfig)</a> and allow it; Settings → Profile Downloaded → Install; then Settings → General → About → Certificate Trust Settings: turn on full trust for “客户管理 本地证书颁发机构”.</p>
<p class="en"><b>Windows:</b> download the <a href="/ca.crt">certificate (.crt)</a> and double-click it; Install Certificate → Local Machine → Place all certificates in the following store → Trusted Root Certification Authorities.</p>
<p class="en">Then open <a class="mono" href="${pair}">${pair}</a> and scan the administrator's QR code or type the pairing code.</p>`,
  });
}
