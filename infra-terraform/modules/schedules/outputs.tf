output "schedule_arns" {
  description = "Schedule ARNs by key (scheduled function name, <module>-sweep-outbox)."
  value       = { for k, s in aws_scheduler_schedule.this : k => s.arn }
}

output "role_arn" {
  description = "The scheduler's execution role (null when no function is scheduled)."
  value       = one(aws_iam_role.this[*].arn)
}
