/**
 * The side panel's state: folded or open (remembered on this device), and requests from the
 * keyboard to put the cursor in its "add a speaker" field.
 */
import { Store } from './store.ts';

const COLLAPSED_KEY = 'rapporteur:cockpit-collapsed';

/** Whether the panel is open, and a counter that asks the add field to take the focus. */
export interface PanelState {
  open: boolean;
  focusAdd: number;
}

function readOpen(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) !== '1';
  } catch {
    return true;
  }
}

/** The panel of one page. */
export class PanelStore extends Store<PanelState> {
  private handled = 0;

  constructor() {
    super({ open: readOpen(), focusAdd: 0 });
  }

  /** Open or fold the panel, and remember it. */
  setOpen(open: boolean): void {
    this.set({ ...this.get(), open });
    try {
      localStorage.setItem(COLLAPSED_KEY, open ? '0' : '1');
    } catch {
      // the choice lasts for this page
    }
  }

  /** Open the panel and put the cursor in "Add a speaker" (Ctrl+Alt+S). */
  focusAdd(): void {
    const { open, focusAdd } = this.get();
    if (!open) this.setOpen(true);
    this.set({ open: true, focusAdd: focusAdd + 1 });
  }

  /** True once per focus request (a panel opened by a click does not steal the focus). */
  takeFocusRequest(): boolean {
    const { focusAdd } = this.get();
    if (focusAdd === this.handled) return false;
    this.handled = focusAdd;
    return true;
  }
}
