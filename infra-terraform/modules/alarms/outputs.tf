output "topic_arn" {
  description = "The SNS topic the alarms notify."
  value       = local.topic_arn
}

output "alarm_names" {
  description = "Alarm names by modules/deployment alarm key."
  value       = { for k, a in aws_cloudwatch_metric_alarm.lambda : k => a.alarm_name }
}
