import { Module } from '@nestjs/common';
import { CloudAccountsController } from './cloud-accounts.controller';
import { CloudAccountsService } from './cloud-accounts.service';
import { PlatformCloudAccountsController } from './platform-cloud-accounts.controller';
import { CLOUD_COST_PROVIDER } from './providers/cloud-cost-provider';
import { SimulatedCostProvider } from './providers/simulated-cost-provider';
import { SyncService } from './sync.service';

@Module({
  controllers: [CloudAccountsController, PlatformCloudAccountsController],
  providers: [CloudAccountsService, SyncService, { provide: CLOUD_COST_PROVIDER, useClass: SimulatedCostProvider }],
  exports: [CloudAccountsService, SyncService],
})
export class CloudAccountsModule {}
