// The sign-in link carries its token in the fragment (#token=…), which browsers never send to the server:
// copy it into the form, drop it from the address bar and the history, and sign in.
const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
const form = document.getElementById('token-sign-in');
if (match && form) {
  history.replaceState(null, '', window.location.pathname + window.location.search);
  form.elements.token.value = decodeURIComponent(match[1]);
  form.submit();
}
