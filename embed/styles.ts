// The widget's styles, inside its shadow root: page styles cannot reach in, and these cannot leak out.
// Inherited properties (color, font) are set explicitly on the wrapper, so a host page's `* { … !important }`
// on the shadow host does not flow in through inheritance. Sizes are in px, never rem: the page owns the
// root font size (a `* { font-size: 40px }` on the page would scale every rem).
export const CSS = `
.w{all:initial;position:fixed;inset:0;z-index:2147483000;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;pointer-events:none}
.w *,.w *::before,.w *::after{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal}
.bd{position:absolute;inset:0;background:rgba(15,20,30,.35);pointer-events:auto}
.d{position:absolute;pointer-events:auto;background:#fff;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.28);width:min(440px,calc(100vw - 16px));max-height:calc(100vh - 16px);overflow:auto;padding:20px;animation:in .2s ease-out}
.br .d{right:16px;bottom:16px}.bl .d{left:16px;bottom:16px}
.c .d{left:50%;top:50%;transform:translate(-50%,-50%);animation:none}
@keyframes in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
@media (max-width:480px){.br .d,.bl .d{left:8px;right:8px;bottom:8px;width:auto}}
@media (prefers-reduced-motion:reduce){.d{animation:none}.w *{transition:none!important}}
.w h2{margin:0 40px 4px 0;font-size:18px;font-weight:650;line-height:1.3}
.in{margin:0 0 12px;font-size:14px;color:#57606a}
.q{margin:0 0 16px;padding:0;border:0;min-width:0}
.q[hidden]{display:none}
.qt{display:block;margin:0 0 8px;padding:0;font-weight:600;font-size:15px}
.rq{font-weight:400;font-size:12px;color:#57606a;margin-left:6px}
.sc{display:grid;grid-template-columns:repeat(var(--n),minmax(0,1fr));gap:4px}
@media (max-width:400px){.sc{gap:2px}}
.sc button{min-height:40px;padding:0;border:1px solid #8c959f;border-radius:6px;background:#fff;cursor:pointer;font-weight:600}
.sc button[aria-checked=true]{background:var(--rsn-c);border-color:var(--rsn-c);color:#fff}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:4px;font-size:12px;color:#57606a}
label.o{display:flex;align-items:center;gap:8px;padding:6px 0;cursor:pointer}
input[type=radio],input[type=checkbox]{width:20px;height:20px;margin:0;accent-color:var(--rsn-c);flex:none}
textarea{display:block;width:100%;min-height:72px;padding:8px;border:1px solid #8c959f;border-radius:6px;background:#fff;resize:vertical}
.fe{margin:6px 0 0;color:#b3261e;font-size:13.5px}
.fe:empty,.al:empty{display:none}
.al{margin:0 0 12px;padding:8px 10px;border-radius:6px;background:#fdecea;color:#8c1d18;font-size:14px}
[aria-invalid=true]{border-color:#b3261e!important}
.sub{display:block;width:100%;min-height:44px;border:0;border-radius:8px;background:var(--rsn-c);color:#fff;font-weight:650;cursor:pointer}
.sub:disabled{opacity:.7;cursor:progress}
.x{position:absolute;top:10px;right:10px;width:36px;height:36px;border:0;border-radius:8px;background:transparent;cursor:pointer;font-size:22px;line-height:1;color:#57606a}
.x:hover{background:#f0f2f4}
.w h2:focus{outline:none}
button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--rsn-c);outline-offset:2px}
.th p{margin:0 0 16px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
