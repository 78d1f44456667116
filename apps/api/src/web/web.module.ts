import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller';
import { DirectoryPagesController } from './directory-pages.controller';
import { FunderPagesController } from './funder-pages.controller';
import { HomeController } from './home.controller';
import { MapAssetController } from './map-asset.controller';
import { SignInController } from './sign-in.controller';
import { TerritoryPagesController } from './territory-pages.controller';
import { OidcSignIn } from './oidc-sign-in';
import { AttendanceSheets } from './organizer/attendance-sheets';
import { CafePagesController } from './organizer/cafe-pages.controller';
import { ImportPagesController } from './organizer/import-pages.controller';
import { MyCafesPagesController } from './organizer/my-cafes-pages.controller';
import { WebPages } from './web-pages';
import { NetworkPagesController } from './network-pages.controller';
import { BreakdownPagesController } from './breakdown-pages.controller';

/** The web app: server-rendered pages in French on the same read services as the API (see docs/architecture.md). */
@Module({
  controllers: [HomeController, MapAssetController, SignInController, TerritoryPagesController, DirectoryPagesController, FunderPagesController, AgendaController, MyCafesPagesController, ImportPagesController, CafePagesController, NetworkPagesController, BreakdownPagesController],
  providers: [WebPages, OidcSignIn, AttendanceSheets],
})
export class WebModule {}
