"""Appeals (诉求): the 12345 closed loop — intake on every channel, dispatch, deadlines, 退单/延期/督办, reply,
好差评 and reopening, statistics and rankings, Open311 GeoReport v2."""
