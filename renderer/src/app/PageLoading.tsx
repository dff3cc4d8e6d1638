import { Flex, Spin } from 'antd';

/** While a page's chunk loads (a few ms from the local host or the disk): a quiet spinner. */
export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin />
    </Flex>
  );
}
