import { Module } from '@nestjs/common';
import { ClassificationRepository } from './classification.repository.js';

/**
 * Who may read a classified item (levels and need-to-know lists), for every module that creates or shows one.
 * Apart from ClassificationModule, which itself needs the tasks and directives modules.
 */
@Module({
  providers: [ClassificationRepository],
  exports: [ClassificationRepository],
})
export class ClassificationAccessModule {}
