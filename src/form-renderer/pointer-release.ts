/**
 * Runs work after the pointer (mouse, touch, pen) is released. Marking a question as left
 * shows its errors, which moves what is below it; done while a button is pressed, that move
 * would carry the target away between press and release and the click would be lost.
 */
let pressed = false;
let waiting: (() => void)[] = [];
let installed = false;

function release(): void {
  pressed = false;
  const run = waiting;
  waiting = [];
  // After the click that follows the release has been dispatched.
  window.setTimeout(() => {
    for (const work of run) work();
  }, 0);
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener(
    'pointerdown',
    () => {
      pressed = true;
    },
    true,
  );
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
  window.addEventListener('blur', release);
}

export function afterPointerRelease(work: () => void): void {
  install();
  if (pressed) waiting.push(work);
  else work();
}
