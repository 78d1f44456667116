/** The web app's pages as pure functions of their view models (server-rendered HTML, in French). */
export * from './html';
export * from './format';
export * from './components';
export * from './layout';
export * from './pages/national';
export * from './pages/sign-in';
export * from './labels';
export * from './pages/territory';
export * from './pages/directories';
export * from './pages/funder';
export * from './pages/territory-search';
export * from './pages/agenda';
export * from './form-fields';
export * from './pages/my-cafes';
export * from './pages/schedule-cafe';
export * from './pages/cafe-workspace';
export * from './pages/cancel-cafe';
