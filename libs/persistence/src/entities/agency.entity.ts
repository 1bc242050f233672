import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ROOT_ORGANISATION_ID } from '../organisations/root-organisation.js';

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

  /** The head lets the agency's officers work on every task it leads, not only those assigned to them. */
  @Column({ name: 'officers_act_on_all', type: 'boolean', default: false })
  officersActOnAll!: boolean;

  /** The Office's monitoring officer (chuyên viên theo dõi) for this agency. */
  @Column({ name: 'monitoring_user_id', type: 'uuid', nullable: true })
  monitoringUserId!: string | null;

  /** The committee whose agency this is (the top organisation unless set). */
  @Column({ name: 'organisation_id', type: 'uuid', default: () => `'${ROOT_ORGANISATION_ID}'::uuid` })
  organisationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
