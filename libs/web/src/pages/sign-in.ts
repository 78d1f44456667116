import { alert } from '../components';
import { html, Html } from '../html';

export interface SignInView {
  csrfToken: string;
  returnTo: string;
  notice?: string;
  error?: string;
  /** OpenID Connect (ProConnect-compatible) is configured */
  oidc: boolean;
}

/**
 * Signing in: with the link `npm run token -- --link` prints (its token travels in the fragment, which the
 * browser never sends: a small script copies it into the form and submits it), by pasting the token when
 * JavaScript is off, or with OpenID Connect when configured.
 */
export function signInPage(view: SignInView): Html {
  return html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<h1>Se connecter</h1>
${view.notice ? alert('info', view.notice) : ''}
${view.error ? alert('error', 'Connexion impossible', view.error) : ''}
${view.oidc
  ? html`<div class="fr-connect-group fr-mb-4w">
  <form method="post" action="/sign-in/oidc"><input type="hidden" name="_csrf" value="${view.csrfToken}"><input type="hidden" name="returnTo" value="${view.returnTo}">
  <button class="fr-connect" type="submit"><span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">ProConnect</span></button></form>
  <p>Votre accès est celui que le Conseil national du numérique a accordé à votre adresse électronique.</p>
</div>
<p class="fr-hr-or">ou</p>`
  : ''}
<form method="post" action="/sign-in" id="token-sign-in">
  <input type="hidden" name="_csrf" value="${view.csrfToken}">
  <input type="hidden" name="returnTo" value="${view.returnTo}">
  <div class="fr-input-group">
    <label class="fr-label" for="token">Jeton d’accès<span class="fr-hint-text">Ouvrez le lien de connexion qui vous a été transmis : la connexion est automatique. Sans JavaScript, collez ici le jeton (la partie après « #token= » du lien).</span></label>
    <textarea class="fr-input" id="token" name="token" rows="4" autocomplete="off" spellcheck="false" required></textarea>
  </div>
  <button class="fr-btn" type="submit">Se connecter</button>
</form>
</div></div>`;
}

export function landingPage(): Html {
  return html`<h1>Café IA : mesurer l’impact</h1>
<p class="fr-text--lead">Des rencontres gratuites et locales pour découvrir, essayer et débattre de l’intelligence artificielle, partout en France. Ce service suit leur portée vers l’objectif de deux millions de personnes touchées d’ici 2027.</p>
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><a class="fr-btn" href="/sign-in">Se connecter</a></li>
  <li><a class="fr-btn fr-btn--secondary" href="/agenda">Trouver un café près de chez soi</a></li>
</ul>
<p>Le tableau de bord est réservé au Conseil national du numérique, aux coordinations territoriales, aux financeurs, aux têtes de réseau et aux structures organisatrices.</p>`;
}

export function errorPage(status: number, detail: string): Html {
  const titles: Record<number, string> = {
    400: 'Demande incorrecte',
    403: 'Hors de votre périmètre',
    404: 'Page introuvable',
    409: 'Conflit',
    413: 'Fichier trop volumineux',
    415: 'Format non accepté',
    422: 'Action refusée',
    429: 'Trop de demandes',
    503: 'Service momentanément indisponible',
  };
  const title = titles[status] ?? 'Une erreur est survenue';
  return html`<h1>${title}</h1>
<p class="fr-text--lead">${detail}</p>
<p>Code d’erreur : ${status}.</p>
<ul class="fr-btns-group fr-btns-group--inline-md"><li><a class="fr-btn" href="/">Revenir à l’accueil</a></li></ul>`;
}
