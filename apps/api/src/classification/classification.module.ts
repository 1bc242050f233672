import { Module } from '@nestjs/common';
import { ClassificationRepository } from './classification.repository.js';

@Module({
  providers: [ClassificationRepository],
  exports: [ClassificationRepository],
})
export class ClassificationModule {}
