// Airgate developer portal: try-it forms send through the portal and show the answer in place.
// Pages work without this script (the form then posts and renders a result page).
'use strict';
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.matches('form[data-try]')) return;
  event.preventDefault();
  const out = form.querySelector('output.result');
  const button = form.querySelector('button');
  button.disabled = true;
  out.textContent = '…';
  try {
    const response = await fetch('/try', {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
    });
    const result = await response.json();
    out.replaceChildren();
    const status = document.createElement('p');
    status.className = 'status';
    status.textContent = result.error && !result.status ? result.error : `HTTP ${result.status}`;
    status.dataset.status = result.status || 0;
    const pre = document.createElement('pre');
    pre.textContent = result.body || '';
    out.append(status, pre);
  } catch (e) {
    out.textContent = String(e);
  } finally {
    button.disabled = false;
  }
});
