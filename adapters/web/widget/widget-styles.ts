/** The widget's CSS, inside its shadow root so the host page's styles neither leak in nor out. */
export const WIDGET_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { --accent: #3b5bdb; --accent-dark: #2f4ac0; --ink: #1f2430; --muted: #6b7280; --line: #e5e7eb;
  font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; }
.root.left { right: auto; left: 20px; }
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
header :focus-visible { outline-color: #fff; }
svg { width: 22px; height: 22px; fill: currentColor; }
.launcher { width: 56px; height: 56px; border-radius: 50%; border: 0; background: var(--accent); color: #fff;
  box-shadow: 0 6px 20px rgba(30, 40, 90, .3); display: grid; place-items: center; position: relative; }
.launcher:hover { background: var(--accent-dark); }
.launcher svg { width: 26px; height: 26px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px;
  background: #e03131; color: #fff; font-size: 12px; font-weight: 600; line-height: 20px; text-align: center; }
.panel { width: 370px; height: min(600px, calc(100vh - 40px)); background: #fff; border-radius: 14px;
  box-shadow: 0 12px 40px rgba(20, 30, 60, .25); display: flex; flex-direction: column; overflow: hidden; }
.panel[hidden], .launcher[hidden], [hidden] { display: none !important; }
header { background: var(--accent); color: #fff; padding: 14px 12px 14px 18px; display: flex; align-items: center; gap: 10px; }
header .who { flex: 1; min-width: 0; }
header h2 { margin: 0; font-size: 16px; font-weight: 600; }
header .sub { font-size: 12.5px; opacity: .85; }
header .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: #51cf66; margin-right: 6px; }
header .dot.off, header .dot.waiting { background: #ffa94d; }
.icon { background: transparent; border: 0; color: inherit; border-radius: 8px; padding: 6px; display: grid; place-items: center; }
.icon:hover { background: rgba(255, 255, 255, .15); }
.banner { background: #fff9db; color: #5c4400; border-bottom: 1px solid #ffe066; padding: 8px 16px; font-size: 13px; }
.banner.assigned { background: #ebfbee; color: #1f5130; border-color: #b2f2bb; }
.log { flex: 1; overflow-y: auto; padding: 16px 14px 8px; background: #f7f8fa; display: flex; flex-direction: column; gap: 10px; }
.msg { display: flex; flex-direction: column; align-items: flex-start; max-width: 84%; align-self: flex-start; }
.msg .author { font-size: 11.5px; color: var(--muted); margin: 0 4px 2px; }
.bubble { background: #fff; border: 1px solid var(--line); border-radius: 14px 14px 14px 4px; padding: 8px 12px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.bubble a { color: var(--accent); text-decoration: underline; }
.msg--agent .bubble { background: #e7f5ff; border-color: #a5d8ff; }
.msg--customer { align-self: flex-end; align-items: flex-end; }
.msg--customer .author { display: none; }
.msg--customer .bubble { background: var(--accent); border-color: var(--accent); color: #fff; border-radius: 14px 14px 4px 14px; }
.msg.pending .bubble { opacity: .6; }
.time { font-size: 11px; color: var(--muted); margin: 2px 4px 0; }
.system { align-self: center; font-size: 12px; color: var(--muted); background: #eef0f4; border-radius: 10px; padding: 3px 10px; text-align: center; max-width: 90%; }
.greeting { font-style: normal; }
.error { color: #c92a2a; font-size: 12px; margin-top: 4px; }
.link { background: none; border: 0; color: inherit; text-decoration: underline; padding: 0; }
.feedback { font-size: 12.5px; color: var(--muted); margin: 4px 4px 0; display: flex; align-items: center; gap: 6px; }
.chip { border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 999px; padding: 3px 12px; font-size: 13px; }
.chip:hover { background: #edf2ff; }
.attachments { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.thumb { max-width: 200px; max-height: 160px; border-radius: 8px; border: 1px solid var(--line); }
.file { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 8px; font-size: 13px; }
.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 4px 14px 8px; background: #f7f8fa; }
.quick:empty { display: none; }
.typing { font-size: 12px; color: var(--muted); padding: 0 18px 6px; background: #f7f8fa; min-height: 6px; }
.composer { display: flex; align-items: flex-end; gap: 6px; border-top: 1px solid var(--line); padding: 10px; background: #fff; }
.composer textarea { flex: 1; resize: none; border: 1px solid var(--line); border-radius: 10px; padding: 9px 12px;
  font: inherit; color: var(--ink); max-height: 120px; min-height: 40px; }
.composer textarea:focus { border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px #dbe4ff; }
.composer .icon { color: var(--muted); padding: 8px; }
.composer .icon:hover { background: #f1f3f5; }
.composer .send { background: var(--accent); color: #fff; border-radius: 10px; border: 0; width: 40px; height: 40px; display: grid; place-items: center; }
.composer .send:hover { background: var(--accent-dark); }
.note { font-size: 12px; color: #c92a2a; padding: 0 14px 6px; }
.note:empty { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .root { right: 0; bottom: 0; left: 0; }
  .root:has(.panel:not([hidden])) { top: 0; }
  .panel { width: 100vw; height: 100vh; border-radius: 0; }
  .root.left { right: 0; left: 0; }
  .launcher { position: absolute; right: 16px; bottom: 16px; }
  .root.left .launcher { right: auto; left: 16px; }
}
`;
