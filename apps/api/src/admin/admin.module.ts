import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AdminController } from './admin.controller.js';
import { UsersAdminRepository } from './users-admin.repository.js';
import { UsersAdminService } from './users-admin.service.js';

@Module({
  imports: [AgenciesModule, AuthModule, OrganisationsModule],
  controllers: [AdminController],
  providers: [UsersAdminService, UsersAdminRepository],
})
export class AdminModule {}
