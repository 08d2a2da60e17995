// This file defines the Ui fake (menus, sidebars, dialogs, alerts) and the HtmlService fake it shows.
import { enumOf, FakeObject } from './base';

// --- HtmlService -------------------------------------------------------------------------------------------------

const SANDBOX_MODE = enumOf(['EMULATED', 'IFRAME', 'NATIVE']);
const X_FRAME_OPTIONS_MODE = enumOf(['ALLOWALL', 'DEFAULT']);
/** The only names HtmlOutput.addMetaTag accepts. */
const META_TAG_NAMES = ['apple-mobile-web-app-capable', 'mobile-web-app-capable', 'viewport'];

export class FakeHtmlOutput extends FakeObject {
  readonly service = 'HtmlOutput';
  private title = '';
  private width: number | undefined;
  private height: number | undefined;
  /** Settings with no effect outside Google's servers, kept for assertions. */
  readonly settings: { sandboxMode?: string; xFrameOptionsMode?: string } = {};

  constructor(private content: string) {
    super();
  }

  setContent = (content: string): FakeHtmlOutput => this.also(() => (this.content = content));
  getContent = (): string => this.content;
  append = (addedContent: string): FakeHtmlOutput => this.also(() => (this.content += addedContent));
  setTitle = (title: string): FakeHtmlOutput => this.also(() => (this.title = title));
  getTitle = (): string => this.title;
  setWidth = (width: number): FakeHtmlOutput => this.also(() => (this.width = width));
  getWidth = (): number | undefined => this.width;
  setHeight = (height: number): FakeHtmlOutput => this.also(() => (this.height = height));
  getHeight = (): number | undefined => this.height;
  /** Meta tags added with addMetaTag, in order; a `<meta>` inside the content is ignored by HtmlService. */
  readonly metaTags: { name: string; content: string }[] = [];
  addMetaTag = (name: string, content: string): FakeHtmlOutput =>
    this.also(() => {
      if (!META_TAG_NAMES.includes(name)) throw new Error(`Invalid argument: ${name}`);
      this.metaTags.push({ name, content });
    });
  getMetaTags = (): { name: string; content: string }[] => this.metaTags.map((tag) => ({ ...tag }));
  setSandboxMode = (mode: string): FakeHtmlOutput => this.also(() => (this.settings.sandboxMode = mode));
  setXFrameOptionsMode = (mode: string): FakeHtmlOutput => this.also(() => (this.settings.xFrameOptionsMode = mode));

  private also(effect: () => unknown): FakeHtmlOutput {
    effect();
    return this;
  }
}

export class FakeHtmlService extends FakeObject {
  readonly service = 'HtmlService';
  readonly SandboxMode = SANDBOX_MODE;
  readonly XFrameOptionsMode = X_FRAME_OPTIONS_MODE;

  /** `files` maps a project file name ('sidebar', without .html) to its content; tests may add to it. */
  constructor(private readonly files: Record<string, string>) {
    super();
  }

  createHtmlOutput = (html = ''): FakeHtmlOutput => new FakeHtmlOutput(html);

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const content = this.files[filename] ?? this.files[filename.replace(/\.html$/, '')];
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(content);
  }
}

// --- Ui ----------------------------------------------------------------------------------------------------------

const BUTTON = enumOf(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
const BUTTON_SET = enumOf(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
type Button = keyof typeof BUTTON;
type ButtonSet = keyof typeof BUTTON_SET;
/** Without a queued answer, a dialog answers with the first button of its set. */
const FIRST_BUTTON: Record<ButtonSet, Button> = { OK: 'OK', OK_CANCEL: 'OK', YES_NO: 'YES', YES_NO_CANCEL: 'YES' };

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'subMenu'; menu: RecordedMenu };

export interface RecordedMenu {
  /** null for the add-on menu, whose title is the add-on's name. */
  caption: string | null;
  addOn: boolean;
  entries: MenuEntry[];
}

export interface ShownDialog {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  metaTags: { name: string; content: string }[];
  width: number | undefined;
  height: number | undefined;
}

export interface ShownAlert {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSet;
}

export class FakeMenu extends FakeObject {
  readonly service = 'Menu';
  /** What this menu holds so far; addToUi() copies it into the Ui's record. */
  readonly recorded: RecordedMenu;

  constructor(
    private readonly ui: FakeUi,
    caption: string | null,
  ) {
    super();
    this.recorded = { caption, addOn: caption === null, entries: [] };
  }

  addItem = (caption: string, functionName: string): FakeMenu => this.add({ kind: 'item', caption, functionName });
  addSeparator = (): FakeMenu => this.add({ kind: 'separator' });
  addSubMenu = (menu: FakeMenu): FakeMenu => this.add({ kind: 'subMenu', menu: menu.recorded });
  addToUi = (): void => void this.ui.menus.push({ ...this.recorded, entries: [...this.recorded.entries] });

  private add(entry: MenuEntry): FakeMenu {
    this.recorded.entries.push(entry);
    return this;
  }
}

export class FakePromptResponse extends FakeObject {
  readonly service = 'PromptResponse';

  constructor(
    private readonly text: string,
    private readonly button: Button,
  ) {
    super();
  }

  getResponseText = (): string => this.text;
  getSelectedButton = (): Button => this.button;
}

type DialogArgs =
  | [prompt: string]
  | [prompt: string, buttons: ButtonSet]
  | [title: string, prompt: string, buttons: ButtonSet];

export class FakeUi extends FakeObject {
  readonly service = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  /** Menus added with addToUi(), oldest first. */
  readonly menus: RecordedMenu[] = [];
  /** Sidebars and dialogs shown, oldest first. */
  readonly dialogs: ShownDialog[] = [];
  /** Alerts and prompts shown, oldest first. */
  readonly alerts: ShownAlert[] = [];
  /** Buttons the next alerts answer with, used up in order. */
  readonly alertAnswers: Button[] = [];
  /** Answers for the next prompts, used up in order. */
  readonly promptAnswers: { text: string; button?: Button }[] = [];

  alert(...args: DialogArgs): Button {
    const shown = this.record('alert', args);
    return this.alertAnswers.shift() ?? FIRST_BUTTON[shown.buttons];
  }

  prompt(...args: DialogArgs): FakePromptResponse {
    const shown = this.record('prompt', args);
    const answer = this.promptAnswers.shift();
    return new FakePromptResponse(answer?.text ?? '', answer?.button ?? FIRST_BUTTON[shown.buttons]);
  }

  createAddonMenu = (): FakeMenu => new FakeMenu(this, null);
  createMenu = (caption: string): FakeMenu => new FakeMenu(this, caption);
  showSidebar = (userInterface: FakeHtmlOutput): void => this.show('sidebar', userInterface, userInterface.getTitle());
  showModalDialog = (userInterface: FakeHtmlOutput, title: string): void => this.show('modal', userInterface, title);
  showModelessDialog = (userInterface: FakeHtmlOutput, title: string): void =>
    this.show('modeless', userInterface, title);

  private show(kind: ShownDialog['kind'], output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({
      kind,
      title,
      content: output.getContent(),
      metaTags: output.getMetaTags(),
      width: output.getWidth(),
      height: output.getHeight(),
    });
  }

  private record(kind: ShownAlert['kind'], args: DialogArgs): ShownAlert {
    const [title, prompt, buttons] = args.length === 3 ? args : ['', args[0], args[1] ?? 'OK'];
    const shown = { kind, title, prompt, buttons };
    this.alerts.push(shown);
    return shown;
  }
}
