import type { DynamicModule } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * The multipart limits every upload takes (deliverables, contributions, progress reports): one place, so the
 * three cannot drift apart.
 */
export function uploadLimitsModule(): DynamicModule {
  return MulterModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      storage: memoryStorage(),
      // Plain `filename=` bytes as latin1 (lossless); cleanFileName tells UTF-8 from latin-1 and keeps filename*.
      defParamCharset: 'latin1',
      limits: {
        fileSize: config.maxUploadBytes,
        files: config.maxFilesPerSubmission,
        fields: 10,
        fieldSize: 64 * 1024,
        parts: config.maxFilesPerSubmission + 10,
      },
    }),
  });
}
