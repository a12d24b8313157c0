"""What one component is up for: defaults by technology and kind, each with its source.

A managed service (S3, CloudFront, DynamoDB ...) is taken at its provider's published SLA: the
monthly uptime below which the provider pays service credits. It is redundant by construction,
so one declared "instance" is not one machine. Anything else is a machine the design runs: one
instance is taken at the AWS Compute SLA's instance-level figure (99.5%), and redundancy comes
from the design's own instances and replicas (sketch.estimating.availability).

`Component(availability=...)` overrides every default. Whether a component is a managed service
is the capacity catalogue's call (sketch.estimating.catalogue.is_managed; `Component(managed=...)`
says so when its name does not tell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sketch.estimating.catalogue import is_managed
from sketch.model import Component, Kind
from sketch.model.technology import technology_key


@dataclass(frozen=True)
class Uptime:
    """A published uptime figure in percent and where it is published."""

    percent: float
    source: str
    #: False for a rule of thumb (no provider promises the figure).
    published: bool = True


#: One virtual machine the design runs itself (a database, an app server, Nginx, Redis ...).
ONE_INSTANCE = Uptime(
    99.5, "AWS Compute SLA, instance-level (aws.amazon.com/compute/sla): one EC2 instance"
)

#: One SLA covers every Elastic Load Balancing type: Application, Network, Gateway, Classic.
ELB = Uptime(
    99.99,
    "Elastic Load Balancing SLA (aws.amazon.com/elasticloadbalancing/sla): any Application, "
    "Network, Gateway or Classic Load Balancer across two or more AZs; 99.9% in one AZ",
)
ELB_NAMES = (
    "elb",
    "alb",
    "nlb",
    "clb",
    "gwlb",
    "elastic load balancing",
    "application load balancer",
    "network load balancer",
    "gateway load balancer",
    "classic load balancer",
)
TWILIO = Uptime(
    99.95,
    "Twilio Service Level Agreement (twilio.com/legal/service-level-agreement), Services "
    "APIs, SendGrid's Mail Send included; 99.99% with Enterprise Edition",
)

#: Managed services at their published SLA, by a word of the technology's name (lower case).
#: The first word found in `technology` wins, so specific names come before general ones.
MANAGED_SLAS: tuple[tuple[str, Uptime], ...] = (
    ("s3", Uptime(99.9, "Amazon S3 SLA (aws.amazon.com/s3/sla), S3 Standard")),
    ("cloudfront", Uptime(99.9, "Amazon CloudFront SLA (aws.amazon.com/cloudfront/sla)")),
    ("route 53", Uptime(100.0, "Amazon Route 53 SLA (aws.amazon.com/route53/sla)")),
    ("route53", Uptime(100.0, "Amazon Route 53 SLA (aws.amazon.com/route53/sla)")),
    (
        "dynamodb",
        Uptime(99.99, "Amazon DynamoDB SLA (aws.amazon.com/dynamodb/sla), standard tables"),
    ),
    (  # the capacity catalogue reads "Dynamo" as DynamoDB too
        "dynamo",
        Uptime(99.99, "Amazon DynamoDB SLA (aws.amazon.com/dynamodb/sla), standard tables"),
    ),
    (
        "spanner",
        Uptime(
            99.99,
            "Cloud Spanner SLA (cloud.google.com/spanner/sla), regional instance; 99.999% "
            "for a multi-region one",
        ),
    ),
    (
        "aurora",
        Uptime(99.99, "Amazon Aurora SLA (aws.amazon.com/rds/aurora/sla), Multi-AZ cluster"),
    ),
    ("rds", Uptime(99.95, "Amazon RDS SLA (aws.amazon.com/rds/sla), Multi-AZ instance")),
    (
        "elasticache",
        Uptime(99.99, "Amazon ElastiCache SLA (aws.amazon.com/elasticache/sla), Multi-AZ"),
    ),
    ("sqs", Uptime(99.9, "Amazon SQS SLA (aws.amazon.com/messaging/sla)")),
    ("sns", Uptime(99.9, "Amazon SNS SLA (aws.amazon.com/messaging/sla)")),
    ("kinesis", Uptime(99.9, "Amazon Kinesis Data Streams SLA (aws.amazon.com/kinesis/sla)")),
    *((word, ELB) for word in ELB_NAMES),
    (
        "api gateway",
        Uptime(99.95, "Amazon API Gateway SLA (aws.amazon.com/api-gateway/sla)"),
    ),
    ("lambda", Uptime(99.95, "AWS Lambda SLA (aws.amazon.com/lambda/sla)")),
    (
        "opensearch service",
        Uptime(99.9, "Amazon OpenSearch Service SLA (aws.amazon.com/opensearch-service/sla)"),
    ),
    ("cloud storage", Uptime(99.9, "Google Cloud Storage SLA (cloud.google.com/storage/sla)")),
    ("gcs", Uptime(99.9, "Google Cloud Storage SLA (cloud.google.com/storage/sla)")),
    ("pub/sub", Uptime(99.95, "Google Cloud Pub/Sub SLA (cloud.google.com/pubsub/sla)")),
    ("pubsub", Uptime(99.95, "Google Cloud Pub/Sub SLA (cloud.google.com/pubsub/sla)")),
    (
        "blob storage",
        Uptime(99.9, "Azure Storage SLA (azure.microsoft.com/support/legal/sla/storage)"),
    ),
    ("cloudflare", Uptime(100.0, "Cloudflare Business SLA (cloudflare.com/business-sla)")),
    ("twilio", TWILIO),
    ("sendgrid", TWILIO),
)

#: Kinds that are a provider's service whatever the technology: a CDN, DNS, a push service.
#: Without a published SLA for the technology, the kind's figure below is used.
MANAGED_KINDS: dict[Kind, Uptime] = {
    Kind.cdn: Uptime(99.9, "Amazon CloudFront SLA (aws.amazon.com/cloudfront/sla), for any CDN"),
    Kind.dns: Uptime(100.0, "Amazon Route 53 SLA (aws.amazon.com/route53/sla), for any DNS"),
    Kind.object_store: Uptime(99.9, "Amazon S3 SLA (aws.amazon.com/s3/sla), for any object store"),
    # Many third parties publish no SLA (Stripe, APNs, FCM): no honest figure exists for
    # "an external API", so this one says it is a rule of thumb.
    Kind.external: Uptime(
        99.9,
        "rule of thumb for a third party's API without an SLA listed here: 99.9%, the "
        "figure most published SLAs above promise (S3, CloudFront, SQS, SNS); declare its "
        "SLA or status-page history with `availability=`",
        published=False,
    ),
}


def managed(component: Component) -> bool:
    """Whether a provider runs it redundantly: the capacity catalogue's answer (`managed=`
    when given, else by kind and technology), so capacity and availability agree."""
    return is_managed(component)


def _names(component: Component, word: str) -> bool:
    """The technology's name contains `word` as a word ("Amazon S3", not "s3fs-like"), or
    is spelled as the capacity catalogue keys it ("APIGateway", "AWS-NLB")."""
    technology = (component.technology or "").lower()
    if re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", technology) is not None:
        return True
    return bool(technology) and technology_key(technology) == technology_key(word)


def uptime_of(component: Component) -> Uptime:
    """One instance's uptime, or a managed service's: declared, by technology, or by kind."""
    if component.availability is not None:
        return Uptime(component.availability, f"declared on '{component.name}'")
    if managed(component):
        for word, uptime in MANAGED_SLAS:
            if _names(component, word):
                return uptime
        if component.kind in MANAGED_KINDS:
            return MANAGED_KINDS[component.kind]
        return Uptime(
            99.9,
            "no published SLA found for this service: taken at 99.9%, the most common SLA "
            "of the providers' managed services above; declare `availability=` to say",
            published=False,
        )
    return ONE_INSTANCE
