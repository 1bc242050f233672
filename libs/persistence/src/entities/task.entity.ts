import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'directive_id', type: 'uuid' })
  directiveId!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'deliverable_type', type: 'text' })
  deliverableType!: string;

  @Column({ type: 'text' })
  field!: string;

  @Column({ name: 'lead_agency_id', type: 'uuid', nullable: true })
  leadAgencyId!: string | null;

  /** Kept as an array (GIN-indexed) so the scoped board query needs no join. */
  @Column({ name: 'coordinating_agency_ids', type: 'uuid', array: true, default: () => "'{}'" })
  coordinatingAgencyIds!: string[];

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** The deadline as the directive words it, e.g. `quý II-2021`. */
  @Column({ name: 'deadline_text', type: 'text', nullable: true })
  deadlineText!: string | null;

  @Column({ type: 'text', default: 'drafted' })
  state!: string;

  /** Optimistic concurrency: transitions are `UPDATE ... WHERE version = $expected`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'deadline_version', type: 'integer', default: 0 })
  deadlineVersion!: number;

  @Column({ name: 'escalation_level', type: 'integer', default: 0 })
  escalationLevel!: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** Lower-case, diacritics-free copy of code, title and description for search. */
  @Column({ name: 'search_text', type: 'text', default: '', select: false })
  searchText!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
