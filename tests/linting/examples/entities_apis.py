"""Step 2, core entities and APIs (A2xx): each rule's bad and good design, as in
src/sketch/linting/rules/entities_apis.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Api, Design, Feature, Field, Index
from tests.helpers.factories import V1, apis, clean_design, entities, post_entity, requirements

_GET = {"method": "GET", "purpose": "List"}

#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    "A201": (
        lambda: clean_design(
            entities=entities(
                post_entity(fields=[Field(name="post_id", type="BIGINT")], indexes=[])
            )
        ),
        clean_design,
    ),
    "A202": (
        lambda: clean_design(
            entities=entities(post_entity(indexes=[Index(fields=["created_at", "user_id"])]))
        ),
        lambda: clean_design(entities=entities(post_entity(indexes=[Index(fields=["user_id"])]))),
    ),
    "A203": (
        lambda: clean_design(
            requirements=requirements(
                in_scope=[
                    Feature(key="post", text="Post"),
                    Feature(key="feed", text="Feed"),
                    Feature(key="like", text="Like posts"),
                ]
            )
        ),
        clean_design,
    ),
    "A204": (
        lambda: clean_design(
            requirements=requirements(in_scope=["Users post photos"]), apis=apis(serving=False)
        ),
        clean_design,
    ),
    "A205": (
        lambda: clean_design(
            apis=apis(Api(method="POST", path=f"{V1}/createPost", purpose="Create"))
        ),
        lambda: clean_design(
            apis=apis(
                Api(
                    method="POST",
                    path=f"{V1}/posts/{{post_id}}/like",
                    purpose="Like a post",
                    auth=True,
                )
            )
        ),
    ),
    "A206": (
        lambda: clean_design(apis=apis(Api(path=f"{V1}/posts", request=["user_id"], **_GET))),
        lambda: clean_design(
            apis=apis(Api(path=f"{V1}/posts", query=["user_id", "cursor"], **_GET))
        ),
    ),
    "A207": (
        lambda: clean_design(
            apis=apis(Api(path="/posts/{post_id}/comments", query=["page"], **_GET))
        ),
        clean_design,
    ),
    "A208": (
        lambda: clean_design(
            apis=apis(Api(method="GET", path=f"{V1}/user/{{user_id}}", purpose="Profile"))
        ),
        lambda: clean_design(
            apis=apis(Api(method="GET", path=f"{V1}/users/{{user_id}}", purpose="Profile"))
        ),
    ),
    "A209": (
        lambda: clean_design(
            apis=apis(Api(path=f"{V1}/users/{{user_id}}/posts", response=["posts"], **_GET))
        ),
        lambda: clean_design(
            apis=apis(
                Api(
                    path=f"{V1}/users/{{user_id}}/posts",
                    response=["posts"],
                    query=["cursor"],
                    **_GET,
                )
            )
        ),
    ),
    "A210": (
        lambda: clean_design(
            apis=apis(Api(method="PUT", path=f"{V1}/posts/{{post_id}}", purpose="Edit"))
        ),
        lambda: clean_design(
            apis=apis(Api(method="PUT", path=f"{V1}/posts/{{post_id}}", purpose="Edit", auth=True))
        ),
    ),
    "A211": (
        lambda: clean_design(entities=entities(post_entity(stored_in=None))),
        lambda: clean_design(entities=entities(post_entity(stored_in="cache"))),
    ),
}
