// plotly's figures (application/vnd.plotly.v1+json) on the demo page. plotly.js itself (4.8 MB) loads only when
// the first chart is drawn, from the copy of the installed plotly package that scripts/demo.sh puts beside this
// bundle, so the figure JSON and the drawing library always come from the same plotly release.
import { Widget } from '@lumino/widgets';

export const PLOTLY_MIMETYPE = 'application/vnd.plotly.v1+json';

let plotly = null;

function loadPlotly(url) {
  if (plotly === null) {
    plotly = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error('plotly.js did not load')));
      script.onerror = () => reject(new Error(`plotly.js not found at ${url}`));
      document.head.appendChild(script);
    });
  }
  return plotly;
}

class PlotlyRenderer extends Widget {
  constructor(options, url) {
    super();
    this.mimeType = options.mimeType;
    this._url = url;
    this._plotted = false;
    this.addClass('alisim-plotly');
  }

  async renderModel(model) {
    const figure = model.data[this.mimeType];
    try {
      const Plotly = await loadPlotly(this._url);
      const config = { responsive: true, ...(figure.config || {}) };
      await Plotly.react(this.node, figure.data || [], figure.layout || {}, config);
      this._plotted = true;
    } catch (error) {
      // The figure's own HTML fallback (written by the course, not by a visitor) keeps the numbers readable.
      console.warn('alisim: chart drawn without plotly.js:', error);
      const fallback = model.data['text/html'];
      if (typeof fallback === 'string') {
        this.node.innerHTML = fallback;
      } else {
        this.node.textContent = '（图表无法显示）';
      }
    }
  }

  onAfterAttach() {
    if (this._plotted && window.Plotly) {
      window.Plotly.Plots.resize(this.node);
    }
  }

  onResize() {
    this.onAfterAttach();
  }
}

export function plotlyRendererFactory(url) {
  return {
    safe: true,
    mimeTypes: [PLOTLY_MIMETYPE],
    createRenderer: (options) => new PlotlyRenderer(options, url),
  };
}
