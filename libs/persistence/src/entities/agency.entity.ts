import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short ASCII slug; also the username of the agency's demo account. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'other' })
  kind!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The official order (1 first) set by the administrator; null = not placed (after the placed ones). */
  @Column({ name: 'sort_order', type: 'integer', nullable: true })
  sortOrder!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
