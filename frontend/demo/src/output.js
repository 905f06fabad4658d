// The Output widget for the demo page. Ported from @jupyter-widgets/jupyterlab-manager's output.ts (BSD-3-Clause,
// Copyright (c) Jupyter Development Team): the model keeps an OutputAreaModel and, while the kernel says an output
// is being captured (`msg_id`), takes the kernel's output messages of that request; the view is an OutputArea.
import * as outputBase from '@jupyter-widgets/output';
import { JupyterLuminoPanelWidget } from '@jupyter-widgets/base';
import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import $ from 'jquery';

export const OUTPUT_WIDGET_VERSION = outputBase.OUTPUT_WIDGET_VERSION;

export class OutputModel extends outputBase.OutputModel {
  defaults() {
    return { ...super.defaults(), msg_id: '', outputs: [] };
  }

  initialize(attributes, options) {
    super.initialize(attributes, options);
    this._outputs = new OutputAreaModel({ trusted: true });
    this._msgHook = (msg) => {
      this.add(msg);
      return false;
    };
    this.listenTo(this, 'change:msg_id', this.reset_msg_id);
    this.listenTo(this, 'change:outputs', this.setOutputs);
    this.setOutputs();
  }

  reset_msg_id() {
    const kernel = this.widget_manager.kernel;
    const msgId = this.get('msg_id');
    const oldMsgId = this.previous('msg_id');
    if (oldMsgId && kernel) {
      kernel.removeMessageHook(oldMsgId, this._msgHook);
    }
    if (msgId && kernel) {
      kernel.registerMessageHook(msgId, this._msgHook);
    }
  }

  add(msg) {
    const msgType = msg.header.msg_type;
    switch (msgType) {
      case 'execute_result':
      case 'display_data':
      case 'stream':
      case 'error': {
        const model = msg.content;
        model.output_type = msgType;
        this._outputs.add(model);
        break;
      }
      case 'clear_output':
        this.clear_output(msg.content.wait);
        break;
      default:
        break;
    }
    this.set('outputs', this._outputs.toJSON(), { newMessage: true });
    this.save_changes();
  }

  clear_output(wait = false) {
    this._outputs.clear(wait);
  }

  get outputs() {
    return this._outputs;
  }

  setOutputs(model, value, options) {
    if (!(options && options.newMessage)) {
      this.clear_output();
      this._outputs.fromJSON(JSON.parse(JSON.stringify(this.get('outputs'))));
    }
  }
}

export class OutputView extends outputBase.OutputView {
  _createElement() {
    this.luminoWidget = new JupyterLuminoPanelWidget({ view: this });
    return this.luminoWidget.node;
  }

  _setElement(el) {
    if (this.el || el !== this.luminoWidget.node) {
      throw new Error('Cannot reset the DOM element.');
    }
    this.el = this.luminoWidget.node;
    this.$el = $(this.luminoWidget.node);
  }

  render() {
    super.render();
    this._outputView = new OutputArea({
      rendermime: this.model.widget_manager.rendermime,
      contentFactory: OutputArea.defaultContentFactory,
      model: this.model.outputs,
    });
    this.luminoWidget.insertWidget(0, this._outputView);
    this.luminoWidget.addClass('jupyter-widgets');
    this.luminoWidget.addClass('widget-output');
    this.update();
  }

  remove() {
    this._outputView.dispose();
    return super.remove();
  }
}
