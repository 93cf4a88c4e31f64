using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.WorkTasks;

internal sealed class WorkTaskMapping : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> builder)
    {
        builder.ToTable("WorkTasks");
        builder.Property(t => t.Title).HasMaxLength(300).IsRequired();
        builder.Property(t => t.AssigneeUserId).HasMaxLength(450);
        builder.Property(t => t.AssigneeName).HasMaxLength(200);
        builder.Property(t => t.CompletedBy).HasMaxLength(200);
        builder.HasOne<Grantor>().WithMany().HasForeignKey(t => t.GrantorId).OnDelete(DeleteBehavior.Restrict);

        // The list filters by grantor and status and sorts by deadline; the subject index finds a task to close.
        builder.HasIndex(t => new { t.GrantorId, t.Status, t.Deadline, t.Id }).HasDatabaseName("ix_work_tasks_list");
        builder.HasIndex(t => new { t.GrantorId, t.Status, t.AssigneeUserId }).HasDatabaseName("ix_work_tasks_assignee");
        builder.HasIndex(t => new { t.SubjectKind, t.SubjectId }).HasDatabaseName("ix_work_tasks_subject");
    }
}
