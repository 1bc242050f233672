import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { PasswordService } from './password.service.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, built once: with a string, jsonwebtoken first tries it as a public key on every
      // verify (~1 ms of CPU per request, measured), then falls back to a secret key.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    // Applied on the login route only: per address and per account.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          {
            name: 'address',
            ttl: config.loginLimitWindowSeconds * 1000,
            limit: config.loginLimitPerAddress,
            getTracker: (req: Record<string, unknown>) => (req as unknown as Request).ip ?? 'unknown',
          },
          {
            name: 'account',
            ttl: config.loginLimitWindowSeconds * 1000,
            limit: config.loginLimitPerAccount,
            getTracker: (req: Record<string, unknown>) => {
              const body = (req as unknown as Request).body as { username?: unknown } | undefined;
              return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
            },
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, PasswordService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordService],
})
export class AuthModule {}
