import { newSeed } from './seed';

/**
 * `<seed-control>` wraps a seed's number field and its "New seed" button: the button writes a
 * fresh seed into the field and fires `change`, exactly as if the reader had typed it.
 */
class SeedControl extends HTMLElement {
  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[type="number"]');
    const button = this.querySelector<HTMLButtonElement>('[data-action="new-seed"]');
    if (!input || !button) return;
    button.addEventListener('click', () => {
      input.value = String(newSeed(Number(input.min), Number(input.max), Number(input.value)));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
}

if (!customElements.get('seed-control')) customElements.define('seed-control', SeedControl);
