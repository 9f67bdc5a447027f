"""The error responses the API documents: every domain error is {"message", "field"?, "details"?}."""

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    message: str = Field(description="中文说明")
    field: str | None = Field(default=None, description="出错的字段")
    details: list | None = Field(default=None, description="逐项问题（如导入文件的行、列）")


ERRORS: dict[int | str, dict] = {
    401: {"model": ErrorBody, "description": "未登录或令牌无效"},
    403: {"model": ErrorBody, "description": "无权操作（角色或范围不符）"},
    404: {"model": ErrorBody, "description": "记录不存在"},
    409: {"model": ErrorBody, "description": "与当前状态冲突（如重复申请、已销号）"},
    422: {"model": ErrorBody, "description": "输入无效，message 和 field 说明原因"},
}
