import { Module } from '@nestjs/common';
import { FileSealingService } from './file-sealing.service.js';
import { FileStorageService } from './file-storage.service.js';

/**
 * Stored files of deliverables, contributions and progress reports, sealed at rest when their task is
 * classified. Import it for `FileSealingService.sealTaskFiles` (after a task's classification is raised).
 */
@Module({
  providers: [FileStorageService, FileSealingService],
  exports: [FileStorageService, FileSealingService],
})
export class FileStorageModule {}
