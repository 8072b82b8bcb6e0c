output "lambda_security_group_ids" {
  description = "Security groups of the Lambdas' ENIs."
  value       = local.lambda_sg_ids
}

output "vpc_endpoint_ids" {
  description = "Interface endpoint ids by service."
  value       = { for k, e in aws_vpc_endpoint.interface : k => e.id }
}
