"""The FieldTransform schema."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field, StrictBool, StrictStr

from openapi_client.models.base import ApiEnum, ApiModel
from openapi_client.models.field_add import FieldAdd
from openapi_client.models.field_remove import FieldRemove
from openapi_client.models.field_schema_update import FieldSchemaUpdate


class FieldTransformTransformType(ApiEnum):
    """Values of FieldTransform.transformType."""

    ADD_FIELD = "add_field"
    REMOVE_FIELD = "remove_field"
    UPDATE_FIELD_SCHEMA = "update_field_schema"


class FieldTransform(ApiModel):
    """Describes the difference in a field between two Streams."""

    transform_type: Annotated[FieldTransformTransformType, Field(alias="transformType")]
    field_name: Annotated[List[StrictStr], Field(alias="fieldName")]
    breaking: Annotated[StrictBool, Field(alias="breaking")]
    add_field: Annotated[Optional[FieldAdd], Field(alias="addField")] = None
    remove_field: Annotated[Optional[FieldRemove], Field(alias="removeField")] = None
    update_field_schema: Annotated[Optional[FieldSchemaUpdate], Field(alias="updateFieldSchema")] = None
