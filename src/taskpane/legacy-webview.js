/* global navigator, document */
// Volume-licensed Office 2016/2019 on Windows hosts add-ins in Internet Explorer (Trident) or Edge Legacy
// (EdgeHTML) webviews, which cannot run the pane's code: say so instead of showing an empty pane.
(function () {
  var ua = navigator.userAgent;
  if (ua.indexOf('Trident/') === -1 && ua.indexOf('Edge/') === -1) return;
  var p = document.createElement('p');
  p.className = 'notice notice-error boot-error';
  p.setAttribute('role', 'alert');
  p.appendChild(
    document.createTextNode(
      '此版本的 Office 使用旧版浏览器内核（Internet Explorer 或旧版 Edge）显示加载项，无法运行双随机清单助手。' +
        '请使用 Microsoft 365、Office 2021 及以上版本或网页版 Excel，或在浏览器中打开本页面（独立模式）校验文件。',
    ),
  );
  p.appendChild(document.createElement('br'));
  p.appendChild(
    document.createTextNode(
      'This Office hosts add-ins in Internet Explorer or Edge Legacy, which cannot run this add-in. Use Microsoft 365, ' +
        'Office 2021 or later, Excel on the web, or open this page in a browser (standalone mode).',
    ),
  );
  document.getElementById('app').appendChild(p);
})();
