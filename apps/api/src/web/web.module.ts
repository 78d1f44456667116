import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller';
import { DirectoryPagesController } from './directory-pages.controller';
import { HomeController } from './home.controller';
import { SignInController } from './sign-in.controller';
import { TerritoryPagesController } from './territory-pages.controller';
import { WebPages } from './web-pages';

/** The web app: server-rendered pages in French on the same read services as the API (see docs/architecture.md). */
@Module({
  controllers: [HomeController, SignInController, TerritoryPagesController, DirectoryPagesController, AgendaController],
  providers: [WebPages],
})
export class WebModule {}
