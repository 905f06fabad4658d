// A widget manager bound to one kernel connection, for the demo page. The same contract as JupyterLab's
// KernelWidgetManager (comms through the kernel, states fetched in one control-comm request), without
// JupyterLab's application around it: the page loads this one bundle and nothing else.
import * as base from '@jupyter-widgets/base';
import { ManagerBase } from '@jupyter-widgets/base-manager';
import * as controls from '@jupyter-widgets/controls';
import { Panel } from '@lumino/widgets';
import * as output from './output';

export const WIDGET_VIEW_MIMETYPE = 'application/vnd.jupyter.widget-view+json';

const MODULES = {
  '@jupyter-widgets/base': base,
  '@jupyter-widgets/controls': controls,
  '@jupyter-widgets/output': output,
};

export class DemoWidgetManager extends ManagerBase {
  constructor(kernel, rendermime) {
    super();
    this.kernel = kernel;
    this.rendermime = rendermime;
    kernel.registerCommTarget(this.comm_target_name, async (comm, msg) => {
      await this.handle_comm_open(new base.shims.services.Comm(comm), msg);
    });
    rendermime.addFactory(
      {
        safe: false,
        mimeTypes: [WIDGET_VIEW_MIMETYPE],
        createRenderer: (options) => new WidgetRenderer(options, this),
      },
      -10,
    );
  }

  async loadClass(className, moduleName, moduleVersion) {
    const module = MODULES[moduleName];
    if (module && module[className]) {
      return module[className];
    }
    throw new Error(`Class ${className} not found in module ${moduleName}@${moduleVersion}`);
  }

  async _create_comm(targetName, modelId, data, metadata, buffers) {
    const comm = this.kernel.createComm(targetName, modelId);
    if (data || metadata) {
      comm.open(data, metadata, buffers);
    }
    return new base.shims.services.Comm(comm);
  }

  async _get_comm_info() {
    const reply = await this.kernel.requestCommInfo({ target_name: this.comm_target_name });
    return reply.content.status === 'ok' ? reply.content.comms : {};
  }

  /** Fetch every widget's state from the kernel (one request): views can be made after this. */
  loadFromKernel() {
    return this._loadFromKernel();
  }
}

/** Draws an `application/vnd.jupyter.widget-view+json` output: the widget's view, in a Lumino panel. */
export class WidgetRenderer extends Panel {
  constructor(options, manager) {
    super();
    this.mimeType = options.mimeType;
    this._manager = manager;
    this._view = null;
  }

  async renderModel(model) {
    const source = model.data[this.mimeType];
    try {
      const widgetModel = await this._manager.get_model(source.model_id);
      this._view = await this._manager.create_view(widgetModel);
    } catch (error) {
      console.error('alisim: widget not shown:', error);
      this.node.textContent = '（控件无法显示：请刷新页面）';
      this.addClass('jupyter-widgets');
      return;
    }
    this.node.textContent = '';
    this.addWidget(this._view.luminoWidget);
  }

  dispose() {
    if (this.isDisposed) {
      return;
    }
    if (this._view) {
      this._view.remove();
      this._view = null;
    }
    super.dispose();
  }
}
