import { Global, Module } from '@nestjs/common';
import { OrgCountersService } from './org-counters.service';
import { OrgLifecycleService } from './org-lifecycle.service';
import { PlatformOrgsController } from './platform-orgs.controller';
import { PlatformOrgsQueryService } from './platform-orgs-query.service';

@Global()
@Module({
  controllers: [PlatformOrgsController],
  providers: [OrgCountersService, OrgLifecycleService, PlatformOrgsQueryService],
  exports: [OrgCountersService, OrgLifecycleService],
})
export class OrgsModule {}
