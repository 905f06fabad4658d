// The demo page's whole script. Voila's server renders the notebook in a preheated kernel and sends the page
// with each output as <script type="application/vnd.voila.cell-output+json">; this bundle connects to that
// kernel, fetches the widgets' states in one request and draws every output in place.
import { KernelConnection } from '@jupyterlab/services/lib/kernel/default';
import { ServerConnection } from '@jupyterlab/services/lib/serverconnection';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { Widget } from '@lumino/widgets';
import { MessageLoop } from '@lumino/messaging';
import '@fortawesome/fontawesome-free/css/all.min.css';
import '@fortawesome/fontawesome-free/css/v4-shims.min.css';
import '@jupyter-widgets/controls/css/widgets-base.css';
import { DemoWidgetManager } from './manager';
import { plotlyRendererFactory } from './plotly';
import './style.css';

const OUTPUT_SCRIPT = 'script[type="application/vnd.voila.cell-output+json"]';
const SLOW_CONNECT_MS = 10_000;

function showCells() {
  // voila's page keeps the cells hidden behind a spinner until a frontend says it is ready (window.themeLoaded).
  window.themeLoaded = true;
  document.getElementById('loading')?.remove();
  const cells = document.getElementById('rendered_cells');
  if (cells) {
    cells.style.display = '';
  }
}

function drawOutputs(rendermime) {
  const areas = [];
  for (const script of document.querySelectorAll(OUTPUT_SCRIPT)) {
    const model = new OutputAreaModel({ trusted: true });
    model.fromJSON([JSON.parse(script.textContent)]);
    const area = new OutputArea({ model, rendermime });
    Widget.attach(area, script.parentElement, script);
    script.remove();
    areas.push(area);
  }
  window.addEventListener('resize', () => {
    for (const area of areas) {
      MessageLoop.sendMessage(area, Widget.ResizeMessage.UnknownSize);
    }
  });
}

// A line at the top of the page when the kernel cannot be reached: without a kernel the widgets cannot work, and
// a visitor should know to reload rather than wait.
function notice(text) {
  let line = document.getElementById('alisim-notice');
  if (text === null) {
    line?.remove();
    return;
  }
  if (!line) {
    line = document.createElement('div');
    line.id = 'alisim-notice';
    line.setAttribute('role', 'status');
    document.body.prepend(line);
  }
  line.textContent = text;
}

function watchKernel(kernel) {
  const slow = setTimeout(() => notice('正在连接内核……如果一直停在这里，请刷新页面。'), SLOW_CONNECT_MS);
  let wasConnected = false;
  kernel.connectionStatusChanged.connect((_, status) => {
    if (status === 'connected') {
      wasConnected = true;
      clearTimeout(slow);
      notice(null);
    } else if (status === 'connecting' && wasConnected) {
      notice('与内核的连接断开了，正在重新连接……如果一直这样，请刷新页面。');
    } else if (status === 'disconnected') {
      notice('无法连接内核：请刷新页面。');
    }
  });
  kernel.statusChanged.connect((_, status) => {
    if (status === 'dead') {
      notice('内核已经停止：请刷新页面。');
    }
  });
}

// A visitor who leaves (closes the tab, reloads, navigates away) frees their kernel at once instead of leaving
// it to the server's idle culling (scripts/demo.sh). voila's shutdown endpoint wants tornado's double-submit
// XSRF check: the same token in the _xsrf cookie and the X-XSRFToken header. The page reuses the cookie when
// the server has set one, else sets its own (a random token; only this origin can read or write it).
function xsrfToken(baseUrl) {
  const existing = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]+)/);
  if (existing) {
    return decodeURIComponent(existing[1]);
  }
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  document.cookie = `_xsrf=${token}; path=${baseUrl}; SameSite=Strict`;
  return token;
}

function shutdownOnLeave(config) {
  const token = xsrfToken(config.baseUrl);
  window.addEventListener('pagehide', () => {
    fetch(`${config.baseUrl}voila/api/shutdown/${config.kernelId}`, {
      method: 'POST',
      keepalive: true,
      headers: { 'X-XSRFToken': token },
    }).catch(() => undefined);
  });
}

async function main() {
  performance.mark('alisim:start');
  const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
  const serverSettings = ServerConnection.makeSettings({ baseUrl: config.baseUrl, appendToken: false });
  const kernel = new KernelConnection({
    model: { id: config.kernelId, name: 'python3' },
    serverSettings,
    handleComms: true,
    // Voila refuses create_subshell_request (not on its allowed list): comms stay on the kernel's main shell.
    commsOverSubshells: 'disabled',
  });
  watchKernel(kernel);
  shutdownOnLeave(config);
  const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  rendermime.addFactory(plotlyRendererFactory(`${config.fullStaticUrl}/plotly.min.js`), 0);
  const manager = new DemoWidgetManager(kernel, rendermime);
  window.alisimDemo = { kernel, manager };
  showCells();
  try {
    await manager.loadFromKernel();
  } catch (error) {
    console.error('alisim: could not load the widgets from the kernel:', error);
  }
  performance.mark('alisim:states');
  drawOutputs(rendermime);
  performance.mark('alisim:drawn');
}

main();
