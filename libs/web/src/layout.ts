import { html, Html, safeHref, type Renderable } from './html';

/** who is signed in, as the pages show it */
export interface Viewer {
  role: string;
  /** shown in the header, e.g. "Conseil national du numérique", "Coordination : Bretagne" */
  label: string;
  csrfToken: string;
}

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface PageOptions {
  title: string;
  viewer: Viewer | null;
  nav?: NavItem[];
  breadcrumbs?: { href?: string; label: string }[];
  main: Renderable;
  /** extra assets of this page (our own scripts only) */
  scripts?: string[];
  head?: Renderable;
}

const ROLE_LABELS: Record<string, string> = {
  council: 'Conseil national du numérique',
  coordinator: 'Coordination territoriale',
  funder: 'Financeur',
  organizer: 'Organisation',
  network: 'Tête de réseau',
};
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

function header(viewer: Viewer | null, nav: NavItem[]): Html {
  const tools = viewer
    ? html`<li><span class="fr-btn fr-icon-account-circle-line" aria-hidden="false">${viewer.label}</span></li>
        <li><form method="post" action="/sign-out" class="cafeia-inline-form"><input type="hidden" name="_csrf" value="${viewer.csrfToken}"><button type="submit" class="fr-btn fr-icon-logout-box-r-line">Se déconnecter</button></form></li>`
    : html`<li><a class="fr-btn fr-icon-lock-line" href="/sign-in">Se connecter</a></li><li><a class="fr-btn fr-icon-calendar-line" href="/agenda">Agenda des cafés</a></li>`;
  return html`<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand fr-enlarge-link">
      <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div>
        <div class="fr-header__navbar"><button class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="menu-principal" aria-haspopup="menu" id="bouton-menu" title="Menu">Menu</button></div>
      </div>
      <div class="fr-header__service">
        <a href="/" title="Accueil — Café IA, mesure de l’impact"><p class="fr-header__service-title">Café IA</p></a>
        <p class="fr-header__service-tagline">Mesure de l’impact — Conseil national du numérique</p>
      </div>
    </div>
    <div class="fr-header__tools"><div class="fr-header__tools-links"><ul class="fr-btns-group">${tools}</ul></div></div>
  </div></div></div>
  <div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu"><div class="fr-container">
    <button class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer">Fermer</button>
    <div class="fr-header__menu-links"></div>
    ${nav.length > 0
      ? html`<nav class="fr-nav" role="navigation" aria-label="Menu principal"><ul class="fr-nav__list">${nav.map(
          (item) => html`<li class="fr-nav__item"><a class="fr-nav__link" href="${safeHref(item.href)}"${item.current ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
        )}</ul></nav>`
      : ''}
  </div></div>
</header>`;
}

function breadcrumb(items: { href?: string; label: string }[]): Html {
  if (items.length === 0) return html``;
  return html`<nav role="navigation" class="fr-breadcrumb" aria-label="Vous êtes ici :"><ol class="fr-breadcrumb__list">${items.map((item, i) =>
    i === items.length - 1 || !item.href
      ? html`<li><a class="fr-breadcrumb__link" aria-current="page">${item.label}</a></li>`
      : html`<li><a class="fr-breadcrumb__link" href="${safeHref(item.href)}">${item.label}</a></li>`,
  )}</ol></nav>`;
}

const footer = html`<footer class="fr-footer" role="contentinfo" id="footer">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__brand fr-enlarge-link"><a href="/" title="Retour à l’accueil"><p class="fr-logo">République<br>Française</p></a></div>
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">Café IA : des rencontres gratuites et locales pour découvrir, essayer et débattre de l’intelligence artificielle, portées par le Conseil national du numérique.</p>
        <ul class="fr-footer__content-list">
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="/agenda">Agenda public des cafés</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="/docs">Documentation de l’API</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="/public/v1/figures.csv">Données ouvertes</a></li>
        </ul>
      </div>
    </div>
    <div class="fr-footer__bottom">
      <p class="fr-footer__bottom-copy">Cartes : départements de France © <a href="https://github.com/VictorCazanave/svg-maps" rel="noopener">svg-maps</a>, licence CC BY 4.0. Territoires : code officiel géographique (INSEE, découpage administratif Etalab).</p>
    </div>
  </div>
</footer>`;

/** A whole page, in the State's design system, readable without JavaScript; scripts only enhance it. */
export function page(options: PageOptions): Html {
  const { title, viewer, nav = [], breadcrumbs = [], main, scripts = [], head } = options;
  return html`<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>${title} — Café IA</title>
<link rel="stylesheet" href="/assets/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/assets/dsfr/utility/icons/icons.min.css">
<link rel="stylesheet" href="/assets/uplot/uPlot.min.css">
<link rel="stylesheet" href="/assets/app/app.css">
<link rel="icon" href="/assets/dsfr/favicon/favicon.svg" type="image/svg+xml">
${head}
</head>
<body>
<div class="fr-skiplinks"><nav role="navigation" aria-label="Accès rapide" class="fr-container"><ul class="fr-skiplinks__list"><li><a class="fr-link" href="#contenu">Contenu</a></li><li><a class="fr-link" href="#footer">Pied de page</a></li></ul></nav></div>
${header(viewer, nav)}
<main id="contenu" role="main" tabindex="-1"><div class="fr-container fr-py-4w">
${breadcrumb(breadcrumbs)}
${main}
</div></main>
${footer}
<script type="module" src="/assets/dsfr/dsfr.module.min.js"></script>
${scripts.map((src) => html`<script type="module" src="${safeHref(src)}"></script>`)}
</body>
</html>`;
}
