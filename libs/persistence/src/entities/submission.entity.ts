import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'submissions' })
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  /** 1, 2, 3 ... per task: the deliverable's version. */
  @Column({ type: 'integer' })
  seq!: number;

  /** The task revision this deliverable answers (bumped by each RETURN). */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt!: Date;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
