import { Module } from '@nestjs/common';
import { MySessionsController, PlatformSessionsController } from './sessions.controller';
import { SessionsAdminService } from './sessions-admin.service';

@Module({ controllers: [PlatformSessionsController, MySessionsController], providers: [SessionsAdminService] })
export class SessionsModule {}
