import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { SignInController } from './sign-in.controller';
import { WebPages } from './web-pages';

/** The web app: server-rendered pages in French on the same read services as the API (see docs/architecture.md). */
@Module({
  controllers: [HomeController, SignInController],
  providers: [WebPages],
})
export class WebModule {}
